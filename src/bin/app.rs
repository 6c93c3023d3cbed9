//! The page (main thread): the Yew UI.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<ml_playground::ui::App>::new().render();
}
