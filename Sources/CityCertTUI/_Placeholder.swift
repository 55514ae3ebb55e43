// placeholder until the TUI lands
