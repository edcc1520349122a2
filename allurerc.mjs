// Allure 3 report configuration (TOOLCHAIN.md, HTML report): one self-contained index.html that
// opens from disk, written by `dlmsct report` (or `npm start`) into allure-report/.
export default {
  name: 'dlmsct: DLMS/COSEM conformance',
  output: './allure-report',
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
