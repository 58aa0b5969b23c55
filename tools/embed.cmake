# Turns a file into a C++ source defining `const char NAME[]` and `NAME_size`.
# cmake -DIN=file -DOUT=file.cpp -DNAME=symbol -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${NAME}'s source file by tools/embed.cmake. Do not edit.\n#include <cstddef>\nextern const char ${NAME}[];\nextern const std::size_t ${NAME}_size;\nconst char ${NAME}[] = {${bytes}0x00};\nconst std::size_t ${NAME}_size = ${size};\n")
