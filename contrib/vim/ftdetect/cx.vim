" cx scripts: *.cx.  Copy to ~/.vim/ftdetect/ (with syntax/cx.vim to ~/.vim/syntax/).
autocmd BufRead,BufNewFile *.cx setfiletype cx
