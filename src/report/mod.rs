//! Report: renders an [`crate::Analysis`] for people and machines.
