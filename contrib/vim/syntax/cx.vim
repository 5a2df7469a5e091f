" Vim syntax file
" Language:    cx (exact, checkable financial arguments)
" Filenames:   *.cx
" Install:     copy to ~/.vim/syntax/cx.vim and ftdetect/cx.vim to ~/.vim/ftdetect/
" The tokens follow docs/language.md: keywords, number literals with their
" suffixes (k M B T % bp, exponents, '_' separators), periods (2025Q3,
" 2025H1, 2025-06, 2025-06-30), strings with \n \t \" \\ \u{...}, # comments.

if exists("b:current_syntax")
  finish
endif

syn keyword cxStatement  check print include table source chart
" After `chart` only: the chart's style, options and formats (names elsewhere).
syn match   cxChartWord  "\(\<chart\s\+\)\@<=\(line\|bar\)\>"
syn match   cxChartWord  "\<\(title\ze\s*\"\|as\ze\s\+\(money\|pct\|plain\)\>\)"
syn keyword cxDefine     fn nextgroup=cxFunctionName skipwhite
syn keyword cxConditional if then else
syn keyword cxRepeat     for in step within
syn keyword cxOperator   and or not
syn keyword cxBoolean    true false

syn match   cxFunctionName "\h\w*" contained

" Calls: built-in and user functions alike (the built-in table grows).
syn match   cxCall    "\<\h\w*\ze\s*("

" Numbers: 125, 125_000, 1.25, 125e9, 5e-3, with k M B T % bp.
syn match   cxNumber  "\<\d[0-9_]*\(\.\d[0-9_]*\)\=\([eE][+-]\=\d\+\)\=\(k\|M\|B\|T\|bp\)\=\>"
syn match   cxNumber  "\<\d[0-9_]*\(\.\d[0-9_]*\)\=\([eE][+-]\=\d\+\)\=%"

" Periods: a month, a day, a quarter, a half.  Defined after the numbers
" because, of two matches at one place, Vim takes the last defined.
syn match   cxPeriod  "\<\d\{4}-\d\d\>"
syn match   cxPeriod  "\<\d\{4}-\d\d-\d\d\>"
syn match   cxPeriod  "\<\d\{4}[QH]\d\>"

syn match   cxRange   "\.\."
syn match   cxApprox  "\~"
syn match   cxCompare "==\|!=\|<=\|>=\|<\|>"

syn match   cxEscape  "\\[nt\"\\]" contained
syn match   cxEscape  "\\u{\x\+}" contained
syn region  cxString  start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=cxEscape

syn keyword cxTodo    TODO FIXME XXX NOTE contained
syn match   cxComment "#.*$" contains=cxTodo,@Spell

hi def link cxStatement    Statement
hi def link cxChartWord    Statement
hi def link cxDefine       Define
hi def link cxConditional  Conditional
hi def link cxRepeat       Repeat
hi def link cxOperator     Operator
hi def link cxBoolean      Boolean
hi def link cxFunctionName Function
hi def link cxCall         Function
hi def link cxPeriod       Constant
hi def link cxNumber       Number
hi def link cxRange        Operator
hi def link cxApprox       Operator
hi def link cxCompare      Operator
hi def link cxString       String
hi def link cxEscape       SpecialChar
hi def link cxTodo         Todo
hi def link cxComment      Comment

let b:current_syntax = "cx"
