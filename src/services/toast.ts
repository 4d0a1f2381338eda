/**
 * The toast the card's own hooks show (useReadOnShow's stale read, the birthday gift's claim). In the
 * mini program the platform draws it; the H5 build takes toast.h5.ts instead.
 */
export { showToast as toast } from './showToast';
