//! Every formula of the reference and of the neuron panel typesets, and shows Burn's numbers.

use futures::executor::block_on;
use ml_playground::engine::{device, neuron_run::NeuronRun, reference::worked_examples};
use ml_playground::explain::format::n32;
use ml_playground::explain::mathml::to_mathml;
use ml_playground::explain::neuron_steps::neuron_sub_steps;
use ml_playground::explain::reference::card_groups;
use ml_playground::protocol::reference::NeuronInput;
use ml_playground::settings::{OptimizerKind, Settings};

fn typesets(latex: &str) {
    let m = to_mathml(latex).unwrap_or_else(|e| panic!("{e}"));
    assert!(m.starts_with("<math"), "{m}");
}

#[test]
fn every_card_typesets_and_shows_its_value() {
    let e = block_on(
        worked_examples(
            &NeuronInput::from_settings(&Settings::default()),
            &device::cpu(),
        )
        .finish(),
    )
    .unwrap();
    let groups = card_groups(&e);
    let names: Vec<&str> = groups
        .iter()
        .flat_map(|g| g.cards.iter().map(|c| c.name))
        .collect();
    for required in [
        "neuron",
        "bce",
        "mse",
        "cross-entropy",
        "sigmoid",
        "relu",
        "tanh",
        "softmax",
        "dense",
        "backprop",
        "attention",
        "ffn",
        "gradient-descent",
        "momentum",
        "adam",
        "l1",
        "l2",
        "accuracy",
        "precision",
        "recall",
        "f1",
        "gpt-embedding",
        "gpt-layernorm",
        "gpt-causal-attention",
        "gpt-loss",
        "gpt-adamw",
    ] {
        assert_eq!(
            names.iter().filter(|&&n| n == required).count(),
            1,
            "card {required}"
        );
    }
    for card in groups.iter().flat_map(|g| &g.cards) {
        assert!(!card.sentence.is_empty() && !card.symbolic.is_empty() && !card.example.is_empty());
        for line in card.symbolic.iter().chain(&card.example) {
            typesets(&line.latex);
        }
        // The headline value is one of the substituted numbers.
        let example: String = card.example.iter().map(|l| l.latex.as_str()).collect();
        assert!(
            example.contains(&card.value),
            "{}: {} not in {example}",
            card.name,
            card.value
        );
        assert!(
            card.value.parse::<f64>().is_ok_and(f64::is_finite),
            "{}: {}",
            card.name,
            card.value
        );
    }
    let card = |name: &str| {
        groups
            .iter()
            .flat_map(|g| &g.cards)
            .find(|c| c.name == name)
            .unwrap()
    };
    assert_eq!(
        (card("neuron").value.as_str(), card("bce").value.as_str()),
        ("0.69", "0.3711")
    );
    assert!(
        card("neuron").example[1].latex.ends_with("= 0.8"),
        "{}",
        card("neuron").example[1].latex
    );
    assert!(
        card("neuron")
            .correction
            .as_deref()
            .unwrap()
            .contains("0.878")
    );
    assert!(
        card("bce")
            .correction
            .as_deref()
            .unwrap()
            .contains("−0.251")
    );
    assert!(
        card("backprop")
            .correction
            .as_deref()
            .unwrap()
            .contains("Wₗ₊₁ᵀ δₗ₊₁")
    );
    let adam = card("adam").correction.clone().unwrap();
    assert!(adam.contains("3.16×"), "{adam}");
}

#[test]
fn every_neuron_sub_step_typesets_with_burns_numbers() {
    for optimizer in OptimizerKind::ALL {
        let s = Settings {
            optimizer,
            ..Settings::neuron_default()
        };
        let mut run = NeuronRun::new(&s, device::cpu());
        run.step();
        run.step();
        let t = block_on(run.prepare_readout().finish())
            .unwrap()
            .last
            .unwrap();
        let steps = neuron_sub_steps(&t);
        for step in &steps {
            for line in step.symbolic.iter().chain(&step.substituted) {
                typesets(&line.latex);
            }
        }
        let last = |i: usize| steps[i].substituted.last().unwrap().latex.clone();
        assert!(steps[0].substituted[1].latex.ends_with(&n32(t.z)));
        assert!(last(0).ends_with(&n32(t.y_hat)), "{}", last(0));
        assert!(last(1).ends_with(&n32(t.loss)), "{}", last(1));
        assert!(steps[2].substituted[0].latex.ends_with(&n32(t.b.grad)));
        assert!(
            last(3).ends_with(&n32(t.b.theta_new)),
            "{optimizer:?}: {}",
            last(3)
        );
        let w_new: Vec<String> = t.w.iter().map(|u| n32(u.theta_new)).collect();
        let update: String = steps[3]
            .substituted
            .iter()
            .map(|l| l.latex.as_str())
            .collect();
        assert!(update.contains(&w_new.join(r"\\")), "{update}");
    }
}
