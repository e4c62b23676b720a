{**{} for a in [1]}
