"""Reading user files (YAML playbooks and case files) into plain data with source locations."""
