"""Turn engine answers into what people read (text) and what scripts read (JSON)."""
