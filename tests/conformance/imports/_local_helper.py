HELLO = "helper next to the main script"
