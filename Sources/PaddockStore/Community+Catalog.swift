import Foundation
import GRDB
import PaddockCore

public struct ProductSummary: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let slug: String
    public let name: String
    public let description: String
    public let retiredAt: Date?
}

public struct FeatureSummary: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let productId: Int64
    public let slug: String
    public let name: String
    public let description: String
    public let retiredAt: Date?
}

/// The catalog: products and the features suggestions are tagged to.
extension Community {
    /// Adds a product (managers and up). When the method returns, its slug is taken.
    @discardableResult
    public func addProduct(by actor: Actor, slug: String, name: String, description: String = "") throws -> ProductSummary {
        let slug = try Validate.slug(slug)
        let name = try Validate.name(name, what: "product name", limit: Limits.boardTitleCharacters)
        let now = self.now
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product WHERE slug = ?", arguments: [slug]) == 0 else {
                throw CommunityError.invalid("a product '\(slug)' already exists")
            }
            try db.execute(sql: "INSERT INTO product (slug, name, description, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [slug, name, description, now.stored])
            return try ProductSummary.fetchOne(db, sql: "SELECT * FROM product WHERE id = ?", arguments: [db.lastInsertedRowID])!
        }
    }

    /// Adds a feature to a product (managers and up).
    @discardableResult
    public func addFeature(by actor: Actor, product productSlug: String, slug: String, name: String, description: String = "") throws -> FeatureSummary {
        let slug = try Validate.slug(slug)
        let name = try Validate.name(name, what: "feature name", limit: Limits.boardTitleCharacters)
        let now = self.now
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            let product = try Self.product(db, slug: productSlug)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feature WHERE productId = ? AND slug = ?",
                                   arguments: [product.id, slug]) == 0 else {
                throw CommunityError.invalid("\(product.slug) already has a feature '\(slug)'")
            }
            try db.execute(sql: "INSERT INTO feature (productId, slug, name, description, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [product.id, slug, name, description, now.stored])
            return try FeatureSummary.fetchOne(db, sql: "SELECT * FROM feature WHERE id = ?", arguments: [db.lastInsertedRowID])!
        }
    }

    public func products() throws -> [ProductSummary] {
        try writer.read { db in try ProductSummary.fetchAll(db, sql: "SELECT * FROM product ORDER BY name") }
    }

    public func features(product slug: String) throws -> [FeatureSummary] {
        try writer.read { db in
            let product = try Self.product(db, slug: slug)
            return try FeatureSummary.fetchAll(db, sql: "SELECT * FROM feature WHERE productId = ? ORDER BY name", arguments: [product.id])
        }
    }

    static func product(_ db: Database, slug: String) throws -> ProductSummary {
        guard let product = try ProductSummary.fetchOne(db, sql: "SELECT * FROM product WHERE slug = ?", arguments: [slug.lowercased()]) else {
            throw CommunityError.notFound("no product '\(slug)'")
        }
        return product
    }
}
