# The optional KSyntaxHighlighting backend of the SQL editors (ui/highlighting/).
#
# TIDEMARK_KSYNTAXHIGHLIGHTING: AUTO (default) uses KF6SyntaxHighlighting when found, ON requires
# it, OFF never looks. Sets TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING; the one #if on it is in
# ui/highlighting/sqlhighlightingfactory.cpp. Debian 12 ships Qt 6.4.2 and KF6 needs Qt 6.5 or
# later, so there it is never found and the QScintilla lexer is the backend.

set(TIDEMARK_KSYNTAXHIGHLIGHTING AUTO CACHE STRING
    "Use KSyntaxHighlighting in the SQL editors (AUTO, ON, OFF)")
set_property(CACHE TIDEMARK_KSYNTAXHIGHLIGHTING PROPERTY STRINGS AUTO ON OFF)

set(TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING OFF)
if(NOT TIDEMARK_KSYNTAXHIGHLIGHTING STREQUAL "OFF")
    find_package(KF6SyntaxHighlighting QUIET)
    set_package_properties(KF6SyntaxHighlighting PROPERTIES
        TYPE OPTIONAL
        URL "https://api.kde.org/frameworks/syntax-highlighting/html/"
        DESCRIPTION "Syntax highlighting engine (KDE Frameworks 6), not found on Debian 12 because it ships Qt 6.4.2 and KF6 needs Qt 6.5 or later"
        PURPOSE "Optional highlighting backend of the SQL editors, without it QScintilla's SQL lexer is used")
    if(KF6SyntaxHighlighting_FOUND)
        set(TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING ON)
    elseif(TIDEMARK_KSYNTAXHIGHLIGHTING STREQUAL "ON")
        message(FATAL_ERROR "TIDEMARK_KSYNTAXHIGHLIGHTING=ON but KF6SyntaxHighlighting was not "
                            "found (it needs Qt 6.5 or later; Debian 12 has Qt 6.4.2)")
    endif()
endif()
add_feature_info(KSyntaxHighlighting TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING
    "SQL editors highlighted by KSyntaxHighlighting (TIDEMARK_KSYNTAXHIGHLIGHTING=${TIDEMARK_KSYNTAXHIGHLIGHTING}), off on Debian 12: Qt 6.4.2 there, KF6 needs Qt 6.5+")
