//! The single neuron's and the formula page's settings in the URL: round trips, and bad
//! values replaced visibly (never a panic).

use ml_playground::settings::{NeuronSettings, OptimizerKind, Settings, Task, from_hash, to_hash};

#[test]
fn neuron_and_formulas_round_trip() {
    let mut s = Settings::neuron_default();
    (s.optimizer, s.live.lr) = (OptimizerKind::Adam, 0.05);
    s.neuron = NeuronSettings {
        x: vec![1.5, -2.0],
        w: vec![0.25, 3.0],
        b: -0.75,
        y: 0.0,
    };
    let hash = to_hash(&s);
    assert_eq!(
        hash,
        "#task=neuron&x=1.5,-2&w=0.25,3&b=-0.75&y=0&lr=0.05&optimizer=adam&momentum=0.9&backend=auto"
    );
    assert_eq!(from_hash(&hash), (s.clone(), vec![]));
    let formulas = Settings {
        task: Task::Formulas,
        ..s
    };
    let (back, notices) = from_hash(&to_hash(&formulas));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((back.task, back.neuron), (Task::Formulas, formulas.neuron));
    assert_eq!(from_hash("#task=neuron").0, Settings::neuron_default());
    assert_eq!(
        from_hash("#task=neuron").0.neuron,
        NeuronSettings::default()
    );
}

#[test]
fn bad_neuron_values_fall_back_with_a_notice() {
    let (s, notices) = from_hash("#task=neuron&x=0.1,abc&b=1e999&y=2&w=NaN");
    assert_eq!(s.neuron, NeuronSettings::default());
    let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["x", "b", "y", "w"]);
    assert!(
        notices[0].message.contains("“abc”"),
        "{}",
        notices[0].message
    );
    assert!(
        notices[2].message.contains("from 0 to 1"),
        "{}",
        notices[2].message
    );
}

#[test]
fn w_is_matched_to_the_length_of_x() {
    let (s, notices) = from_hash("#task=formulas&x=1,2,3&w=0.5");
    assert_eq!(
        (s.neuron.x.len(), s.neuron.w.clone()),
        (3, vec![0.5, 0.0, 0.0])
    );
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].message.contains("w has 1 values but x has 3"),
        "{}",
        notices[0].message
    );
    let (_, notices) = from_hash(&format!("#task=neuron&x={}", "1,".repeat(9)));
    assert!(
        notices[0].message.contains("1 to 8 numbers"),
        "{}",
        notices[0].message
    );
}

#[test]
fn unknown_task_falls_back_to_linear_regression() {
    let (s, notices) = from_hash("#task=neurons");
    assert_eq!(s.task, Task::LinearRegression);
    assert!(
        notices[0]
            .message
            .contains("linreg, neuron, mnist, gpt, table or formulas")
    );
}
