# ctest's packaging-deb: builds the Debian package from the build tree with cpack, unpacks it
# with dpkg-deb -x, and runs the unpacked binaries. Run by CTest as
#   cmake -DCPACK_COMMAND=... -DCPACK_CONFIG=<build>/CPackConfig.cmake -DDPKG_DEB=...
#         [-DAPPSTREAMCLI=...] -DWORK_DIR=... -DAPP_ID=... -DVERSION=... -P checkdeb.cmake
cmake_minimum_required(VERSION 3.25)

function(check_run what)
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE error)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${what} failed (${result}):\n${ARGN}\n${output}\n${error}")
    endif()
    set(output "${output}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/out" "${WORK_DIR}/root")

check_run("cpack" "${CPACK_COMMAND}" -G DEB --config "${CPACK_CONFIG}" -B "${WORK_DIR}/out")
file(GLOB debs "${WORK_DIR}/out/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK_DIR}/out, found ${count}: ${debs}")
endif()
message(STATUS "package: ${debs}")

# The control fields: dpkg-shlibdeps must have found the Qt libraries.
check_run("dpkg-deb -f" "${DPKG_DEB}" -f "${debs}" Package Version Depends)
message(STATUS "control fields:\n${output}")
foreach(expected "Package: tidemark" "Version: ${VERSION}" "libqt6core6" "libqt6widgets6"
        "libqt6sql6-sqlite")
    string(FIND "${output}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the control fields lack \"${expected}\"")
    endif()
endforeach()

check_run("dpkg-deb -x" "${DPKG_DEB}" -x "${debs}" "${WORK_DIR}/root")
set(root "${WORK_DIR}/root")
foreach(path
        usr/bin/tidemark
        usr/bin/tidemark-cli
        usr/share/applications/${APP_ID}.desktop
        usr/share/metainfo/${APP_ID}.metainfo.xml
        usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
        usr/share/icons/hicolor/16x16/apps/${APP_ID}.png
        usr/share/icons/hicolor/256x256/apps/${APP_ID}.png)
    if(NOT EXISTS "${root}/${path}")
        message(FATAL_ERROR "the package lacks /${path}")
    endif()
endforeach()

# The unpacked binaries run from where they landed, without LD_LIBRARY_PATH, and need no display.
unset(ENV{QT_QPA_PLATFORM})
unset(ENV{DISPLAY})
unset(ENV{WAYLAND_DISPLAY})
unset(ENV{LD_LIBRARY_PATH})
foreach(command "tidemark;--cli;--version" "tidemark-cli;--version")
    list(POP_FRONT command binary)
    check_run("${binary} ${command}" "${root}/usr/bin/${binary}" ${command})
    string(FIND "${output}" "${VERSION}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${binary} ${command} printed no version ${VERSION}: ${output}")
    endif()
    message(STATUS "${binary} ${command}: ${output}")
endforeach()

# The installed tree as a software centre sees it: desktop entry, metainfo and icon together.
if(APPSTREAMCLI)
    check_run("appstreamcli validate-tree" "${APPSTREAMCLI}" validate-tree --no-net "${root}")
endif()
