// The campaign rule language. Every keyword has a Chinese alias and full-width punctuation from a
// Chinese IME is accepted, so the same rule can be written in either language (docs/dsl.md).
// After editing, run ./regenerate-parser.sh and check in Generated/.
grammar Campaign;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- entry points

// One rule; a .rules file is cut into rules at each `rule`/`规则` keyword before parsing, so a
// syntax error in one rule never hides the rules after it.
singleRule      : ruleDecl EOF ;
standaloneExpr  : expr EOF ;
standaloneActions : actionList EOF ;

ruleDecl        : RULE name=ident (PRIORITY priority=signedNumber)? COLON?
                  WHEN COLON? condition=expr
                  THEN COLON? actions=actionList ;

signedNumber    : MINUS? NUMBER ;

// Actions follow each other, optionally separated by `and`/`且`, a comma or a semicolon.
actionList      : action ((AND | COMMA | SEMI)? action)* (SEMI)? ;

action          : SEND template=word? (VIA channel+=word (COMMA channel+=word)*)? (WITH pair (COMMA pair)*)?  # sendAction
                | TAG tag=word                                                                          # tagAction
                | UNTAG tag=word                                                                        # untagAction
                | SET target=ident (EQ | COLON | TO_VALUE) value=sum                                   # setAction
                ;

pair            : key=ident (EQ | COLON) value=sum ;

word            : ident | STRING ;

// ---------------------------------------------------------------- expressions, loosest first

expr            : left=expr op=AND right=expr                                  # andExpr
                | left=expr op=OR right=expr                                   # orExpr
                | predicate                                                    # predicateExpr
                ;

predicate       : NOT predicate                                                # notPredicate
                | value=sum op=compareOp right=sum                             # comparison
                | value=sum (NOT IN | NOT_IN | IN) valueList                        # inList
                | value=sum NOT? BETWEEN low=sum (AND | BETWEEN_AND) high=sum BETWEEN_END?  # between
                | sum                                                          # plainValue
                ;

compareOp       : EQ | EQEQ | NEQ | LT | LE | GT | GE ;

valueList       : LBRACK (items+=sum (COMMA items+=sum)*)? RBRACK ;

sum             : sum op=(PLUS | MINUS) product                                # additive
                | product                                                      # toProduct
                ;

product         : product op=(STAR | SLASH) unary                              # multiplicative
                | unary                                                        # toUnary
                ;

unary           : MINUS unary                                                  # negate
                | primary                                                      # toPrimary
                ;

primary         : LPAREN expr RPAREN                                           # parenthesized
                | ident LPAREN (args+=expr (COMMA args+=expr)*)? RPAREN        # call
                | ident                                                        # fieldRef
                | literal                                                      # literalValue
                ;

literal         : NUMBER | MONEY | PERCENT | DURATION | DATE | TIME | STRING | TRUE | FALSE ;

ident           : IDENT ;

// ---------------------------------------------------------------- lexer
// Keywords are case-insensitive; a Chinese keyword is a token only when spaces (or punctuation)
// separate it from a Chinese name, like English keywords.

RULE        : 'rule' | '规则' ;
PRIORITY    : 'priority' | '优先级' ;
WHEN        : 'when' | 'if' | '当' | '如果' ;
THEN        : 'then' | '则' | '那么' ;
AND         : 'and' | '&&' | '且' | '并且' ;
OR          : 'or' | '||' | '或' | '或者' ;
NOT         : 'not' | '!' | '！' | '非' ;
IN          : 'in' | '在' | '属于' ;
NOT_IN      : '不在' | '不属于' ;
BETWEEN     : 'between' | '介于' ;
BETWEEN_AND : '和' | '与' | '到' | '至' ;
BETWEEN_END : '之间' ;
SEND        : 'send' | '发送' ;
VIA         : 'via' | '通过' ;
WITH        : 'with' | '附带' ;
TAG         : 'tag' | '标记' ;
UNTAG       : 'untag' | '取消标记' ;
SET         : 'set' | '设置' ;
TO_VALUE    : '为' ;
TRUE        : 'true' | '真' ;
FALSE       : 'false' | '假' ;

// Literals. Longest match makes `7d` a duration and `2026-11-11` a date rather than arithmetic.
DATE        : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT? '-' DIGIT DIGIT? ;
TIME        : DIGIT DIGIT? (':' | '：') DIGIT DIGIT ;
MONEY       : ('¥' | '￥') WS_CHAR* DECIMAL | DECIMAL WS_CHAR* '元' ;
PERCENT     : DECIMAL ('%' | '％') ;
DURATION    : DECIMAL ('d' | 'w' | 'h' | 'm' | '天' | '日' | '周' | '小时' | '分钟') ;
NUMBER      : DECIMAL ;
STRING      : '"' ('\\' . | ~["\\\r\n])* '"'
            | '“' ~[”\r\n]* '”'
            | '\'' ~['\r\n]* '\''
            | '「' ~[」\r\n]* '」'
            ;
// A string whose closing quote is missing: its own token so the error says exactly that.
UNTERMINATED_STRING : ('"' ('\\' . | ~["\\\r\n])* | '“' ~[”\r\n]* | '\'' ~['\r\n]* | '「' ~[」\r\n]*) ;

EQEQ        : '==' | '＝＝' ;
NEQ         : '!=' | '<>' | '≠' | '！＝' | '！=' | '＜＞' ;
LE          : '<=' | '≤' | '＜＝' | '＜=' ;
GE          : '>=' | '≥' | '＞＝' | '＞=' ;
EQ          : '=' | '＝' ;
LT          : '<' | '＜' ;
GT          : '>' | '＞' ;
PLUS        : '+' | '＋' ;
MINUS       : '-' | '－' ;
STAR        : '*' | '＊' | '×' ;
SLASH       : '/' | '／' | '÷' ;
LPAREN      : '(' | '（' ;
RPAREN      : ')' | '）' ;
LBRACK      : '[' | '［' | '【' ;
RBRACK      : ']' | '］' | '】' ;
COMMA       : ',' | '，' | '、' ;
SEMI        : ';' | '；' ;
COLON       : ':' | '：' ;

IDENT       : [\p{L}_] [\p{L}\p{N}_]* ;

LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
WS          : WS_CHAR+ -> channel(HIDDEN) ;
// Anything else is its own token so the parser reports it with its position instead of the lexer failing.
UNEXPECTED_CHAR : . ;

fragment DIGIT   : [0-9] ;
fragment DECIMAL : DIGIT+ ('.' DIGIT+)? ;
fragment WS_CHAR : [ \t\r\n\u3000\u00A0] ;
