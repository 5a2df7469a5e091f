python3 -c "print('x = ' + ' + '.join(['1']*100000) + ';'); print('x;')" | $CX -
