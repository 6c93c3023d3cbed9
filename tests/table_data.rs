//! The learner's own tables: parsing (delimiters, decimal commas, quotes, BOM, CRLF, blank
//! lines), every refusal with its line, column and advice, column summaries, and the design
//! matrix (standardization on the training split, one-hot, missing values, seeded split).
//! Property tests: no bytes make the pipeline panic; a table written by the `csv` crate
//! reads back exactly; `number` reads back every formatted f64.
#![cfg(not(target_arch = "wasm32"))]

use ml_playground::data::table::{Design, DesignSpec, Table, TableError, design, parse, summarize};

fn table(text: &str) -> Table {
    parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn error(bytes: &[u8]) -> TableError {
    match parse(bytes) {
        Ok(t) => panic!("parsed, expected an error: {t:?}"),
        Err(e) => e,
    }
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn spec(target: &str, features: &[&str]) -> DesignSpec {
    DesignSpec {
        target: target.into(),
        features: strings(features),
        ..DesignSpec::default()
    }
}

fn design_of(t: &Table, s: &DesignSpec) -> Result<Design, TableError> {
    design(t, &summarize(t), s)
}

/// 10 rows: a numeric x, a numeric z with gaps, a text color, a price with a typo, y.
const SHOP: &str = "x,z,color,price,y,const,name\n\
    1,10,red,1.5,3,7,a\n2,NA,blue,2.5,5,7,b\n3,30,red,3.5,7,7,c\n4,,green,4.5,9,7,d\n\
    5,50,blue,12.5x,11,7,e\n6,60,red,6.5,13,7,f\n7,?,green,7.5,15,7,g\n8,80,blue,8.5,17,7,h\n\
    9,90,red,9.5,19,7,i\n10,100,green,10.5,21,7,j\n";

// A test crate's root resolves `mod` beside itself; these parts live in `table_data/`.
#[path = "table_data/designs.rs"]
mod designs;
#[path = "table_data/parsing.rs"]
mod parsing;
#[path = "table_data/properties.rs"]
mod properties;
