/**
 * Names of the images a build can load, as templates write them in <figure src="…">. A constant of its own so
 * that the view model can name the logo without importing the loader (and with it pdf-lib and the disk).
 */
export const LOGO_IMAGE = 'logo';
