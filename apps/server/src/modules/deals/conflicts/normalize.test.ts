import { describe, expect, it } from "vitest";
import {
  companyDomain,
  emailDomain,
  isFreeMailDomain,
  nameTokens,
  normalizeCompanyName,
  registrableDomain,
  toE164,
} from "./normalize";

describe("registrableDomain", () => {
  it.each([
    ["shop.example.co.uk", "example.co.uk"],
    ["https://www.Contoso.com/about?x=1", "contoso.com"],
    ["http://contoso.com:8080", "contoso.com"],
    ["MAIL.Contoso.COM.", "contoso.com"],
    ["jane.doe@eu.mail.contoso.de", "contoso.de"],
    ["foo.github.io", "foo.github.io"],
    ["bar.github.io", "bar.github.io"],
    ["a.b.s3.amazonaws.com", "b.s3.amazonaws.com"],
    ["www.gov.uk", "www.gov.uk"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["example.com.au", "example.com.au"],
    ["sub.example.co.jp", "example.co.jp"],
  ])("%s → %s", (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each(["", "   ", "localhost", "192.168.1.1", "contoso", "co.uk"])("%j has none", (input) => {
    expect(registrableDomain(input)).toBeUndefined();
  });

  it("keeps private-suffix tenants apart", () => {
    expect(registrableDomain("foo.github.io")).not.toBe(registrableDomain("bar.github.io"));
  });
});

describe("free mail", () => {
  it.each([
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.fr",
    "gmx.de",
    "web.de",
    "yahoo.co.uk",
    "icloud.com",
    "proton.me",
    "qq.com",
    "mail.ru",
    "jane@GMAIL.com",
  ])("%s is free mail", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });
  it.each(["contoso.com", "microsoft.com", "github.com", "sap.com"])("%s is not", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
  it("ignores free-mail contacts and domains", () => {
    expect(emailDomain("jane@gmail.com")).toBeUndefined();
    expect(emailDomain("jane@sales.contoso.co.uk")).toBe("contoso.co.uk");
    expect(companyDomain("https://mail.yahoo.com")).toBeUndefined();
    expect(emailDomain("not an email")).toBeUndefined();
  });
});

describe("normalizeCompanyName", () => {
  it.each([
    ["Contoso Ltd", "contoso"],
    ["CONTOSO LIMITED", "contoso"],
    ["Contoso, Inc.", "contoso"],
    ["Contoso Corp.", "contoso"],
    ["Contoso L.L.C.", "contoso"],
    ["Contoso GmbH & Co. KG", "contoso"],
    ["Contoso Systems GmbH", "contoso systems"],
    ["Contoso Holdings plc", "contoso holdings"],
    ["Société Générale S.A.", "societe generale"],
    ["Nestlé S.A.", "nestle"],
    ["Müller GmbH", "muller"],
    ["Straße AG", "strasse"],
    ["Procter & Gamble Co.", "procter and gamble"],
    ["Procter and Gamble Company", "procter and gamble"],
    ["The Coca-Cola Company", "coca cola"],
    ["McDonald's Corporation", "mcdonalds"],
    ["Amazon.com, Inc.", "amazon"],
    ["Samsung Electronics Co., Ltd.", "samsung electronics"],
    ["Toyota Motor Corporation", "toyota motor"],
    ["Grupo Bimbo, S.A.B. de C.V.", "grupo bimbo"],
    ["PT Bank Mandiri (Persero) Tbk", "bank mandiri"],
    ["Volvo AB (publ)", "volvo"],
    ["Novo Nordisk A/S", "novo nordisk"],
    ["Ericsson Oy", "ericsson"],
    ["Nokia Oyj", "nokia"],
    ["Equinor ASA", "equinor"],
    ["Philips N.V.", "philips"],
    ["ASML Holding N.V.", "asml holding"],
    ["Fiat S.p.A.", "fiat"],
    ["Luxottica S.r.l.", "luxottica"],
    ["Foo Sp. z o.o.", "foo"],
    ["Foo S.à r.l.", "foo"],
    ["Foo Sàrl", "foo"],
    ["Škoda Auto a.s.", "skoda auto"],
    ["Infosys Private Limited", "infosys"],
    ["Atlassian Pty Ltd", "atlassian"],
    ["Grab Pte. Ltd.", "grab"],
    ["Petronas Berhad", "petronas"],
    ["OOO Yandex", "yandex"],
    ["Sony Kabushiki Kaisha", "sony"],
    ["Ørsted A/S", "orsted"],
    ["Łukasiewicz S.A.", "lukasiewicz"],
    ["  AT&T   Inc. ", "at and t"],
    ["AG", "ag"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it("folds & and 'and' alike", () => {
    expect(normalizeCompanyName("Johnson & Johnson")).toBe(normalizeCompanyName("JOHNSON AND JOHNSON"));
  });

  it("tokens drop the connective", () => {
    expect(nameTokens(normalizeCompanyName("Johnson & Johnson Services"))).toEqual(["johnson", "johnson", "services"]);
  });
});

describe("toE164", () => {
  it.each([
    ["030 1234567", "DE", "+49301234567"],
    ["+49 (0)30 1234567", "DE", "+49301234567"],
    ["(415) 555-2671", "US", "+14155552671"],
    ["+1 415 555 2671", undefined, "+14155552671"],
    ["020 7946 0018", "GB", "+442079460018"],
    ["01 23 45 67 89", "fr", "+33123456789"],
  ])("%s (%s) → %s", (phone, country, expected) => {
    expect(toE164(phone, country)).toBe(expected);
  });
  it.each([["12"], [""], ["call me"]])("%j is not a number", (phone) => {
    expect(toE164(phone, "US")).toBeUndefined();
  });
});
