// libxml2's HTML parser (Debian's libxml2-dev), driven through its SAX callbacks:
// BriefCore builds its own small tree from them, so no libxml2 tree is ever kept.
#ifndef CXML_SHIM_H
#define CXML_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#endif
