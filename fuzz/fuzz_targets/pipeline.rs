//! Fuzz target: arbitrary bytes, cut at `0xFF` bytes into documents, through the whole
//! pipeline and every output format. See `crosscheck_fuzz::pipeline_bytes`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::pipeline_bytes(data));
