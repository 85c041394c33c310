//! Compare: decides whether each group of claims agrees or conflicts.

use crate::model::{Claim, ClaimGroup, Finding};
use crate::rules::Rules;

pub fn compare(groups: &[ClaimGroup], claims: &[Claim], rules: &Rules) -> Vec<Finding> {
    let _ = (groups, claims, rules);
    Vec::new()
}
