/* global module */
// Mantine's PostCSS preset: light-dark(), rem(), and the @mixin helpers in CSS modules.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
