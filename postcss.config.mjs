// Tailwind CSS 4 runs as a single PostCSS plugin; it handles imports and prefixing itself.
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
