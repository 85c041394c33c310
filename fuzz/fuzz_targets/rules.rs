//! Fuzz target: arbitrary bytes as a user's rules file on top of the built-in rules. See
//! `crosscheck_fuzz::load_rules`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::load_rules(data));
