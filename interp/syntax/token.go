package syntax

// tokKind is a token's kind. Keywords and operators each have their own
// kind so that the parser compares one small integer per token.
type tokKind uint8

const (
	tEOF tokKind = iota // ENDMARKER
	tName
	tNumber
	tString
	tNewline
	tIndent
	tDedent

	// operators and delimiters
	tLpar     // (
	tRpar     // )
	tLsqb     // [
	tRsqb     // ]
	tLbrace   // {
	tRbrace   // }
	tColon    // :
	tComma    // ,
	tSemi     // ;
	tPlus     // +
	tMinus    // -
	tStar     // *
	tSlash    // /
	tVbar     // |
	tAmper    // &
	tLess     // <
	tGreater  // >
	tEqual    // =
	tDot      // .
	tPercent  // %
	tEqEqual  // ==
	tNotEq    // !=
	tLessEq   // <=
	tGreatEq  // >=
	tTilde    // ~
	tCircum   // ^
	tLshift   // <<
	tRshift   // >>
	tPow      // **
	tPlusEq   // +=
	tMinusEq  // -=
	tStarEq   // *=
	tSlashEq  // /=
	tPercEq   // %=
	tAmperEq  // &=
	tVbarEq   // |=
	tCircumEq // ^=
	tLshiftEq // <<=
	tRshiftEq // >>=
	tPowEq    // **=
	tDSlash   // //
	tDSlashEq // //=
	tAt       // @
	tAtEq     // @=
	tArrow    // ->
	tEllipsis // ...
	tWalrus   // :=
	tErrOp    // a lone '!' or '$', '?', '`': always a syntax error

	// keywords
	tFalse
	tNone
	tTrue
	tAnd
	tAs
	tAssert
	tAsync
	tAwait
	tBreak
	tClass
	tContinue
	tDef
	tDel
	tElif
	tElse
	tExcept
	tFinally
	tFor
	tFrom
	tGlobal
	tIf
	tImport
	tIn
	tIs
	tLambda
	tNonlocal
	tNot
	tOr
	tPass
	tRaise
	tReturn
	tTry
	tWhile
	tWith
	tYield
)

var keywords = map[string]tokKind{
	"False": tFalse, "None": tNone, "True": tTrue, "and": tAnd, "as": tAs,
	"assert": tAssert, "async": tAsync, "await": tAwait, "break": tBreak,
	"class": tClass, "continue": tContinue, "def": tDef, "del": tDel,
	"elif": tElif, "else": tElse, "except": tExcept, "finally": tFinally,
	"for": tFor, "from": tFrom, "global": tGlobal, "if": tIf,
	"import": tImport, "in": tIn, "is": tIs, "lambda": tLambda,
	"nonlocal": tNonlocal, "not": tNot, "or": tOr, "pass": tPass,
	"raise": tRaise, "return": tReturn, "try": tTry, "while": tWhile,
	"with": tWith, "yield": tYield,
}

// augOps maps augmented assignment tokens to their operator.
var augOps = map[tokKind]Operator{
	tPlusEq: Add, tMinusEq: Sub, tStarEq: Mult, tAtEq: MatMult,
	tSlashEq: Div, tPercEq: Modulo, tPowEq: Pow, tLshiftEq: LShift,
	tRshiftEq: RShift, tVbarEq: BitOr, tCircumEq: BitXor, tAmperEq: BitAnd,
	tDSlashEq: FloorDiv,
}

// token is one token. pos/end are byte offsets into the (newline
// normalised) source; line/col are CPython's 1-based line and 0-based byte
// column of the start, endLine/endCol of the end.
type token struct {
	kind            tokKind
	level           int // bracket nesting depth where the token starts
	pos, end        int
	line, col       int
	endLine, endCol int
}

func (t *token) start() (int, int) { return t.line, t.col }

func isKeyword(k tokKind) bool { return k >= tFalse && k <= tYield }
