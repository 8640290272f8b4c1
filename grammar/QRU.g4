// QRU.g4 - the grammar of the .qru model language.
//
// This grammar only describes syntax. Everything a parser cannot check (name
// resolution, shapes, index ranges, gate arities, which settings an experiment
// accepts) is left to semantic analysis, so that the grammar stays small and
// the diagnostics for those mistakes can be precise.
grammar QRU;

// ---------------------------------------------------------------- structure

program
  : modelHeader declaration* EOF
  ;

modelHeader
  : 'model' ID ';'
  ;

declaration
  : constDecl
  | qubitDecl
  | bitDecl
  | inputDecl
  | memoryDecl
  | paramDecl
  | outputDecl
  | targetDecl
  | gateDecl
  | stepDecl
  | experimentDecl
  ;

constDecl      : 'const' ID '=' expr ';' ;
qubitDecl      : 'qubit' ID shape? ';' ;
bitDecl        : 'bit' ID shape? ';' ;
inputDecl      : 'input' ID shape? ';' ;
memoryDecl     : 'memory' ID shape? ('=' expr)? ';' ;
paramDecl      : 'param' ID shape? (initKind='~' expr | initKind='=' expr)? ';' ;
outputDecl     : 'output' ID shape? timing? ';' ;
targetDecl     : 'target' ID shape? timing? ';' ;
timing         : 'at' (LAST='last' | EVERY='every') ;

shape          : '[' expr (',' expr)* ']' ;

gateDecl       : 'gate' name=ID ('(' params=idList? ')')? qubits=idList block ;
idList         : ID (',' ID)* ;

stepDecl       : 'step' (FRESH='fresh' | PERSISTENT='persistent')? block ;

experimentDecl : 'experiment' '{' setting* '}' ;
setting        : ID '=' expr ';' ;

// ---------------------------------------------------------------- statements

block
  : '{' statement* '}'
  ;

statement
  : block                                                   # blockStmt
  | 'for' ID 'in' expr '..' expr block                      # forStmt
  | 'let' ID '=' expr ';'                                   # letStmt
  | ID ('[' expr ']')? '=' 'measure' operand ';'            # measureStmt
  | ID ('[' expr ']')? '=' expr ';'                         # assignStmt
  | 'reset' operand (',' operand)* ';'                      # resetStmt
  | 'if' '(' expr ')' body=statement ('else' orelse=statement)?   # ifStmt
  | pattern=('ring' | 'ladder') gate=ID operand (',' operand)* ';'  # entangleStmt
  | ID ('(' exprList? ')')? operand (',' operand)* ';'      # gateStmt
  ;

// A qubit operand: a whole register, one qubit, or a half-open slice.
operand
  : ID ('[' index ']')?
  ;

index
  : expr                  # singleIndex
  | expr '..' expr        # rangeIndex
  ;

// ---------------------------------------------------------------- expressions

expr
  : '(' expr ')'                                            # parenExpr
  | ID '(' argList? ')'                                     # callExpr
  | expr '[' index ']'                                      # indexExpr
  | '[' exprList? ']'                                       # vectorExpr
  | <assoc=right> expr '^' expr                             # powerExpr
  | op=('-' | '+') expr                                     # unaryExpr
  | expr op=('*' | '/') expr                                # mulExpr
  | expr op=('+' | '-') expr                                # addExpr
  | expr op=('==' | '!=') expr                              # compareExpr
  | NUMBER                                                  # numberExpr
  | STRING                                                  # stringExpr
  | ID                                                      # nameExpr
  ;

exprList : expr (',' expr)* ;
argList  : arg (',' arg)* ;
arg      : (ID '=')? expr ;

// ---------------------------------------------------------------- lexer

ID      : [a-zA-Z_] [a-zA-Z_0-9]* ;
// No trailing-dot form ("1."): it would swallow the first dot of a range "1..4".
NUMBER  : DIGITS ('.' DIGITS)? EXPONENT?
        | '.' DIGITS EXPONENT?
        ;
STRING  : '"' (~["\\\r\n] | '\\' .)* '"' ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n]+ -> skip ;

// Any other character becomes a token of its own so that the parser, not the
// lexer, reports it with a location.
INVALID : . ;
