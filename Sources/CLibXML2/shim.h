// Only libxml2's own headers. ICU is switched off first: Debian's libxml2
// pulls in the system ICU, which clashes with Foundation's bundled ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>
#include <libxml/xmlschemastypes.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable
// state; this wrapper is a plain function.
static inline void baocao_xml_free(void *pointer) { xmlFree(pointer); }
