"""What the engine's answers add up to: playbook profiles and side-by-side comparisons."""
