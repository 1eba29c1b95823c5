/* Status descriptions. */
#include "status.h"

#include <errno.h>
#include <string.h>

const char *pl_status_str(pl_status st)
{
    switch (st) {
    case PL_OK: return "correcto";
    case PL_EDOC: return "el documento tiene errores";
    case PL_EIO: return "error de entrada/salida";
    case PL_ENOMEM: return "memoria insuficiente";
    case PL_ELIMIT: return "la entrada excede un límite";
    case PL_EPDF: return "falló la biblioteca de PDF";
    case PL_EDATA: return "faltan datos de pleno (esquemas, fuentes o diseños)";
    default: return "error interno";
    }
}

const char *pl_strerror(int errnum)
{
    switch (errnum) {
    case ENOENT: return "no existe";
    case EACCES: return "permiso denegado";
    case EPERM: return "operación no permitida";
    case EISDIR: return "es una carpeta, no un archivo";
    case ENOTDIR: return "una parte de la ruta no es una carpeta";
    case ENOSPC: return "no queda espacio en el disco";
    case EROFS: return "el sistema de archivos es de sólo lectura";
    case EMFILE: return "demasiados archivos abiertos";
    case ENAMETOOLONG: return "nombre de archivo demasiado largo";
    case EEXIST: return "ya existe";
    default: return strerror(errnum);
    }
}
