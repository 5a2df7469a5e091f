$CX -e 'sum([1, 2,'
