//! Outgoing activities (filled in by the outbound translation).
