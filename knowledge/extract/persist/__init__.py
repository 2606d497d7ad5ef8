"""Where extraction meets the store: the document's entities matched to the store's canonical ones (`resolve`) and its analysis written in one transaction (`writer`)."""
