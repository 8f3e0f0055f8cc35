# FindQScintilla
# --------------
# QScintilla for Qt 6 ships no CMake package configuration, so it is found here.
#
# Result variables: QScintilla_FOUND, QScintilla_VERSION, QScintilla_INCLUDE_DIRS,
# QScintilla_LIBRARIES. Imported target: QScintilla::QScintilla (links Qt6::Widgets).
# Hints: QScintilla_ROOT.

find_package(Qt6 QUIET COMPONENTS Widgets)

# Debian puts the headers under the Qt include directory (.../qt6/Qsci/qsciscintilla.h).
set(_qsci_include_hints)
if(TARGET Qt6::Core)
    get_target_property(_qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    foreach(_dir IN LISTS _qt_core_includes)
        list(APPEND _qsci_include_hints "${_dir}" "${_dir}/..")
    endforeach()
endif()

find_path(QScintilla_INCLUDE_DIR
    NAMES Qsci/qsciscintilla.h
    HINTS ${_qsci_include_hints}
    PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6)
find_library(QScintilla_LIBRARY NAMES qscintilla2_qt6 qscintilla2-qt6)

if(QScintilla_INCLUDE_DIR AND EXISTS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h")
    file(STRINGS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h" _qsci_version_line
         REGEX "^#define QSCINTILLA_VERSION_STR +\"[^\"]+\"")
    string(REGEX REPLACE "^#define QSCINTILLA_VERSION_STR +\"([^\"]+)\".*" "\\1"
           QScintilla_VERSION "${_qsci_version_line}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla
    REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR
    VERSION_VAR QScintilla_VERSION)

if(QScintilla_FOUND)
    set(QScintilla_INCLUDE_DIRS "${QScintilla_INCLUDE_DIR}")
    set(QScintilla_LIBRARIES "${QScintilla_LIBRARY}")
    if(NOT TARGET QScintilla::QScintilla)
        add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
        set_target_properties(QScintilla::QScintilla PROPERTIES
            IMPORTED_LOCATION "${QScintilla_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}"
            INTERFACE_LINK_LIBRARIES Qt6::Widgets)
    endif()
endif()

mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
