package xmlparse

// Error codes, numbered as expat numbers them (the numbers are part of
// pyexpat's interface: errors.codes and ExpatError.code).
const (
	ErrNone = iota
	ErrNoMemory
	ErrSyntax
	ErrNoElements
	ErrInvalidToken
	ErrUnclosedToken
	ErrPartialChar
	ErrTagMismatch
	ErrDuplicateAttribute
	ErrJunkAfterDocElement
	ErrParamEntityRef
	ErrUndefinedEntity
	ErrRecursiveEntityRef
	ErrAsyncEntity
	ErrBadCharRef
	ErrBinaryEntityRef
	ErrAttributeExternalEntityRef
	ErrMisplacedXMLPI
	ErrUnknownEncoding
	ErrIncorrectEncoding
	ErrUnclosedCdataSection
	ErrExternalEntityHandling
	ErrNotStandalone
	ErrUnexpectedState
	ErrEntityDeclaredInPE
	ErrFeatureRequiresXMLDTD
	ErrCantChangeFeatureOnceParsing
	ErrUnboundPrefix
	ErrUndeclaringPrefix
	ErrIncompletePE
	ErrXMLDecl
	ErrTextDecl
	ErrPublicID
	ErrSuspended
	ErrNotSuspended
	ErrAborted
	ErrFinished
	ErrSuspendPE
	ErrReservedPrefixXML
	ErrReservedPrefixXMLNS
	ErrReservedNamespaceURI
	ErrInvalidArgument
	ErrNoBuffer
	ErrAmplificationLimitBreach
	NumErrors
)

// ErrorNames are the XML_ERROR_* names, by code.
var ErrorNames = [NumErrors]string{
	"", "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS",
	"XML_ERROR_INVALID_TOKEN", "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR",
	"XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
	"XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF",
	"XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF",
	"XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF",
	"XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI",
	"XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING",
	"XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
	"XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE",
	"XML_ERROR_ENTITY_DECLARED_IN_PE", "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
	"XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX",
	"XML_ERROR_UNDECLARING_PREFIX", "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL",
	"XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID", "XML_ERROR_SUSPENDED",
	"XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
	"XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML",
	"XML_ERROR_RESERVED_PREFIX_XMLNS", "XML_ERROR_RESERVED_NAMESPACE_URI",
	"XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
	"XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
}

// ErrorString is expat's message for an error code ("" for none).
func ErrorString(code int) string {
	if code < 0 || code >= NumErrors {
		return ""
	}
	return errorMessages[code]
}

var errorMessages = [NumErrors]string{
	"",
	"out of memory",
	"syntax error",
	"no element found",
	"not well-formed (invalid token)",
	"unclosed token",
	"partial character",
	"mismatched tag",
	"duplicate attribute",
	"junk after document element",
	"illegal parameter entity reference",
	"undefined entity",
	"recursive entity reference",
	"asynchronous entity",
	"reference to invalid character number",
	"reference to binary entity",
	"reference to external entity in attribute",
	"XML or text declaration not at start of entity",
	"unknown encoding",
	"encoding specified in XML declaration is incorrect",
	"unclosed CDATA section",
	"error in processing external entity reference",
	"document is not standalone",
	"unexpected parser state - please send a bug report",
	"entity declared in parameter entity",
	"requested feature requires XML_DTD support in Expat",
	"cannot change setting once parsing has begun",
	"unbound prefix",
	"must not undeclare prefix",
	"incomplete markup in parameter entity",
	"XML declaration not well-formed",
	"text declaration not well-formed",
	"illegal character(s) in public id",
	"parser suspended",
	"parser not suspended",
	"parsing aborted",
	"parsing finished",
	"cannot suspend in external parameter entity",
	"reserved prefix (xml) must not be undeclared or bound to another namespace name",
	"reserved prefix (xmlns) must not be declared or undeclared",
	"prefix must not be bound to one of the reserved namespace names",
	"invalid argument",
	"a successful prior call to function XML_GetBuffer is required",
	"limit on input amplification factor (from DTD and entities) breached",
}

// SyntaxError is a well-formedness error: Parse returns it, and the
// parser's position (Line, Column, ByteIndex) is where it was found.
type SyntaxError struct {
	Code int
}

func (e *SyntaxError) Error() string { return ErrorString(e.Code) }
