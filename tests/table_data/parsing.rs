//! Parsing, refusals with their lines, cell numbers and column summaries.

use super::{SHOP, error, strings, table};
use ml_playground::data::table::{ColumnKind, MAX_BYTES, MAX_ROWS, number, summarize};

#[test]
fn comma_table() {
    let t = table(
        "name,age,city\nann,31,oslo\nbob,27,rome\ncy,45,\"new york\"\ndi,38,paris\ned,52,lima\n",
    );
    assert_eq!(t.names, strings(&["name", "age", "city"]));
    assert_eq!(t.rows[2], strings(&["cy", "45", "new york"]));
    assert_eq!(t.lines, vec![2, 3, 4, 5, 6]);
    assert_eq!((t.delimiter, t.decimal_comma), (b',', false));
}

#[test]
fn semicolon_with_decimal_comma() {
    let t = table("x;y;label\n3,5;1;a\n-0,25;2;b\n10;3;a\n1,5e2;4;b\n2;5;a\n");
    assert_eq!((t.delimiter, t.decimal_comma), (b';', true));
    assert_eq!(t.rows[0], strings(&["3,5", "1", "a"]));
    let s = summarize(&t);
    assert_eq!(s[0].kind, ColumnKind::Numeric);
    assert_eq!((s[0].min, s[0].max), (Some(-0.25), Some(150.0)));
    // A point anywhere means the comma is not a decimal mark.
    let t = table("x;y\n3,5;1.5\n1;2\n1;2\n1;2\n1;2\n");
    assert_eq!((t.delimiter, t.decimal_comma), (b';', false));
}

#[test]
fn tab_and_pipe_tables() {
    let t = table("a\tb, with comma\n1\tx, y\n2\tz\n3\tw\n4\tv\n5\tu\n");
    assert_eq!(t.delimiter, b'\t');
    assert_eq!(t.names, strings(&["a", "b, with comma"]));
    assert_eq!(t.rows[0], strings(&["1", "x, y"]));
    let t = table("a|b\n1|2\n3|4\n5|6\n7|8\n9|10\n");
    assert_eq!(t.delimiter, b'|');
    assert_eq!(t.rows[4], strings(&["9", "10"]));
}

#[test]
fn single_column_table() {
    let t = table("score\n1\n2\n3\n4\n5\n");
    assert_eq!((t.names.len(), t.delimiter, t.rows.len()), (1, b',', 5));
}

#[test]
fn quoted_fields_span_lines() {
    let t = table(
        "id,text,n\n1,\"a, b\",1\n2,\"line\nbreak\",2\n3,\"say \"\"hi\"\"\",3\n4,plain,4\n5,x,5\n",
    );
    assert_eq!(t.rows[0][1], "a, b");
    assert_eq!(t.rows[1][1], "line\nbreak");
    assert_eq!(t.rows[2][1], "say \"hi\"");
    assert_eq!(t.lines, vec![2, 3, 5, 6, 7]);
}

#[test]
fn bom_crlf_blank_lines_and_names() {
    let text = "\u{FEFF} a ,,a\r\n1, x ,2\r\n\r\n2,y,3\r\n\r\n\r\n3,z,4\r\n4,w,5\r\n5,v,6\r\n\r\n";
    let t = table(text);
    assert_eq!(t.names, strings(&["a", "column 2", "a (2)"]));
    assert_eq!(t.rows[0], strings(&["1", "x", "2"]));
    assert_eq!(t.lines, vec![2, 4, 7, 8, 9]);
}

#[test]
fn refusals_name_the_line() {
    assert!(error(b"").message.contains("empty"));
    assert!(error(b"  \n\t\r\n ").message.contains("empty"));
    assert!(error(b"\xEF\xBB\xBF").message.contains("empty"));

    let e = error(b"1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n3,3,3\n");
    assert_eq!(e.line, Some(1));
    assert!(e.message.contains("add a header row"), "{e}");

    let e = error(b"a,b,c\n1,2,3\n4,5,6\n7,8\n1,2,3\n1,2,3\n");
    assert_eq!(e.line, Some(4));
    assert!(
        e.message
            .starts_with("line 4 has 2 fields; the header has 3 —"),
        "{e}"
    );

    let e = error(b"a,b\n1,2\n3,\xff\n");
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("save the file as UTF-8"), "{e}");

    let e = error(b"a,b\n1,2\n3,4\n5,\x006\n");
    assert_eq!(e.line, Some(4));
    assert!(e.message.contains("binary"), "{e}");

    let e = error(b"a,b\n1,2\n3,4\n5,6\n7,8\n");
    assert!(
        e.message.contains("the table has 4 rows; at least 5"),
        "{e}"
    );
}

#[test]
fn refusals_of_size() {
    let mut text = String::from("x,y\n");
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("{i},1\n"));
    }
    let e = error(text.as_bytes());
    assert!(
        e.message.contains(&format!("more than {MAX_ROWS} rows")),
        "{e}"
    );
    assert_eq!(e.line, Some(MAX_ROWS + 2));
    text.truncate(text.len() - format!("{MAX_ROWS},1\n").len());
    assert_eq!(table(&text).rows.len(), MAX_ROWS);

    let big = vec![b'a'; MAX_BYTES + MAX_BYTES / 5];
    let e = error(&big);
    assert!(
        e.message
            .starts_with("the file is 24.0 MB; the limit is 20 MB"),
        "{e}"
    );
}

#[test]
fn summaries() {
    let t = table(SHOP);
    let s = summarize(&t);
    assert_eq!(s[0].kind, ColumnKind::Numeric);
    assert_eq!((s[0].count, s[0].missing), (10, 0));
    assert_eq!(
        (s[0].min, s[0].max, s[0].mean),
        (Some(1.0), Some(10.0), Some(5.5))
    );
    assert_eq!((s[1].count, s[1].missing), (7, 3));
    assert_eq!(s[1].mean, Some(60.0));
    let colors = strings(&["red", "blue", "green"]);
    assert_eq!(
        s[2].kind,
        ColumnKind::Categorical {
            classes: colors,
            distinct: 3
        }
    );
    assert_eq!((s[2].min, s[2].mean), (None, None));
    let typo = ColumnKind::Mixed {
        line: 6,
        text: "12.5x".into(),
    };
    assert_eq!(s[3].kind, typo);
    assert_eq!(s[3].max, Some(10.5));
    assert!(matches!(
        &s[6].kind,
        ColumnKind::Categorical { distinct: 10, .. }
    ));
}

#[test]
fn numbers_and_missing_markers() {
    assert_eq!(number(" 1e-3 ", false), Some(0.001));
    assert_eq!(number("+3", false), Some(3.0));
    assert_eq!(number("-2,5", true), Some(-2.5));
    for no in [
        "1,000", "inf", "NaN", "1e999", "", "-", "1.2.3", "0x10", "1_0", "e5",
    ] {
        assert_eq!(number(no, false), None, "{no}");
    }
    assert_eq!(number("2.5", true), None);
    let t = table("a,b\nNA,1\nn/a,2\nnull,3\n?,4\n-,5\nNaN,6\n,7\nx,8\n");
    assert_eq!(summarize(&t)[0].missing, 7);
}
