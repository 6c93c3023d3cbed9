//! Link options of the two browser binaries. In wasm builds the linker drops the `name`
//! section (every function's name: 8.8 MB of the worker's 44 MB before wasm-bindgen) from the
//! page and the worker with `--strip-all` (under `--strip-debug` wasm-ld keeps it); wasm-bindgen's
//! own custom section stays. The tests' binaries keep their names (panics name their functions).
//! `MLPG_WASM_NAMES=1 trunk build --release` keeps the names, for profiling: a change of the
//! variable relinks the two binaries only, nothing else is rebuilt.

fn main() {
    println!("cargo:rerun-if-env-changed=MLPG_WASM_NAMES");
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let keep = std::env::var("MLPG_WASM_NAMES").is_ok_and(|v| v == "1");
    if wasm && !keep {
        for bin in ["app", "worker"] {
            println!("cargo:rustc-link-arg-bin={bin}=--strip-all");
        }
    }
}
