// libxml2's HTML parser (Debian's libxml2-dev), driven through its SAX callbacks:
// BriefCore builds its own small tree from them, so no libxml2 tree is ever kept.
#ifndef CXML_SHIM_H
#define CXML_SHIM_H
// Debian's libxml2 is built with ICU, so its headers pull in the system ICU's; Foundation
// (imported by TOMLKit) brings an ICU of its own whose declarations clash with them in one
// compilation. Brief uses none of libxml2's ICU parts (the encoding handler's converters are
// behind pointers it never touches), so they are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#endif
