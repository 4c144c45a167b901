module freepy

go 1.26
