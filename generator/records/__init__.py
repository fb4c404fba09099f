"""The record format and its reading: YAML loaded with positions, the JSON Schemas, the
validator and its cross-record rules, the typed model, the vocabularies and the public
addresses. Imports nothing from the other layers."""
