#![no_main]
use libfuzzer_sys::fuzz_target;

// How `serve` turns a request's target into a path of the site.
fuzz_target!(|data: &[u8]| {
    bantin::serve::fuzz_request_target(data);
});
