"""Rules data: acts, base salary, rewards, votes, criteria and province settings (YAML)."""
