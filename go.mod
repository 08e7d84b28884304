module hitpath

go 1.26.0
