"""Tools for coaches who write playbooks: new files, ``extends``, and their playbook folders."""
