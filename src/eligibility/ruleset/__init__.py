"""Rule sets: the rule-file language, its loader and the compiler of conditions."""
