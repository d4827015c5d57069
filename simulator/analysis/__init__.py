"""Many runs, summarised: confidence intervals and policy comparisons."""
