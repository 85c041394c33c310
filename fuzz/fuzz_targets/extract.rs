//! Fuzz target: arbitrary bytes, decoded as lossy UTF-8 (with front matter when they start
//! with `---`), through the extractor. See `crosscheck_fuzz::extract_bytes`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::extract_bytes(data));
