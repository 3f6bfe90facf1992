#include <zip.h>
#include <sys/stat.h>
