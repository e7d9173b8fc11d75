"""The domain model: frozen, slotted values shared by every later stage."""
