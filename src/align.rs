//! Align: puts claims about the same subject and property from different documents together.

use crate::GroupBy;
use crate::model::{Claim, ClaimGroup, Document};
use crate::rules::Rules;

pub fn align(claims: &[Claim], docs: &[Document], rules: &Rules, group_by: GroupBy) -> Vec<ClaimGroup> {
    let _ = (claims, docs, rules, group_by);
    Vec::new()
}
