module github.com/flowwatch/flowwatch

go 1.26.8
